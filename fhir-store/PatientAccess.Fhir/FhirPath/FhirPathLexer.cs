using System.Globalization;
using System.Text;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// Splits an expression into tokens. Only the symbols of the supported subset are accepted;
/// any other operator character is reported here, at its position.
/// </summary>
internal static class FhirPathLexer
{
    public static List<FhirPathToken> Tokenize(string expression)
    {
        var tokens = new List<FhirPathToken>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new FhirPathToken(FhirPathTokenKind.Identifier, expression[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiDigit(expression[i]) || expression[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new FhirPathToken(FhirPathTokenKind.Number, expression[start..i], start));
            }
            else if (c == '\'')
            {
                var start = i;
                tokens.Add(new FhirPathToken(FhirPathTokenKind.String, ReadString(expression, ref i), start));
            }
            else if (c == '!' && i + 1 < expression.Length && expression[i + 1] == '=')
            {
                tokens.Add(new FhirPathToken(FhirPathTokenKind.Symbol, "!=", i));
                i += 2;
            }
            else if (c is '.' or '(' or ')' or ',' or '|' or '=')
            {
                tokens.Add(new FhirPathToken(FhirPathTokenKind.Symbol, c.ToString(), i));
                i++;
            }
            else
            {
                throw new FhirPathException(
                    $"Unsupported character '{c}' at position {i} in FHIRPath expression '{expression}'.");
            }
        }

        tokens.Add(new FhirPathToken(FhirPathTokenKind.End, string.Empty, expression.Length));
        return tokens;
    }

    private static string ReadString(string expression, ref int i)
    {
        var start = i;
        var text = new StringBuilder();
        i++;
        while (i < expression.Length && expression[i] != '\'')
        {
            if (expression[i] == '\\' && i + 1 < expression.Length)
            {
                i++;
                text.Append(expression[i] switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'f' => '\f',
                    'u' when i + 4 < expression.Length => ReadUnicodeEscape(expression, ref i),
                    var other => other,
                });
            }
            else
            {
                text.Append(expression[i]);
            }

            i++;
        }

        if (i >= expression.Length)
        {
            throw new FhirPathException($"Unterminated string starting at position {start} in FHIRPath expression '{expression}'.");
        }

        i++;
        return text.ToString();
    }

    private static char ReadUnicodeEscape(string expression, ref int i)
    {
        var hex = expression.AsSpan(i + 1, 4);
        if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw new FhirPathException($"Invalid \\u escape at position {i - 1} in FHIRPath expression '{expression}'.");
        }

        i += 4;
        return (char)code;
    }
}
