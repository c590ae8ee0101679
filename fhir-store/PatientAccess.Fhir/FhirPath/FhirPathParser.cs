using System.Globalization;
using System.Text.Json;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// Recursive-descent parser for the FHIRPath subset the R4 search parameters use. Precedence,
/// loosest first, as in the FHIRPath grammar: <c>or</c>, <c>and</c>, <c>= !=</c>, <c>|</c>,
/// <c>is as</c>, then <c>.</c> invocations. Everything else (indexers, arithmetic, comparisons,
/// <c>$this</c>, <c>%vars</c>, other functions) is rejected with its position.
/// </summary>
internal sealed class FhirPathParser
{
    private readonly string expression;
    private readonly List<FhirPathToken> tokens;
    private int index;

    private FhirPathParser(string expression)
    {
        this.expression = expression;
        tokens = FhirPathLexer.Tokenize(expression);
    }

    private FhirPathToken Current => tokens[index];

    public static FhirPathNode Parse(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new FhirPathException("A FHIRPath expression cannot be empty.");
        }

        var parser = new FhirPathParser(expression);
        var node = parser.ParseOr();
        if (parser.Current.Kind != FhirPathTokenKind.End)
        {
            throw parser.Unexpected();
        }

        return node;
    }

    private FhirPathNode ParseOr() => ParseBinary(ParseAnd, "or");

    private FhirPathNode ParseAnd() => ParseBinary(ParseEquality, "and");

    private FhirPathNode ParseEquality() => ParseBinary(ParseUnion, "=", "!=");

    private FhirPathNode ParseUnion() => ParseBinary(ParseTypeExpression, BinaryNode.Union);

    private FhirPathNode ParseBinary(Func<FhirPathNode> operand, params string[] operators)
    {
        var left = operand();
        while (Array.Exists(operators, o => Current.Text == o && Current.Kind is FhirPathTokenKind.Symbol or FhirPathTokenKind.Identifier))
        {
            var op = Current.Text;
            index++;
            left = new BinaryNode(op, left, operand());
        }

        return left;
    }

    private FhirPathNode ParseTypeExpression()
    {
        var node = ParsePostfix();
        while (Current.IsKeyword("is") || Current.IsKeyword("as"))
        {
            var isAs = Current.Text == "as";
            index++;
            node = new TypeOperatorNode(node, isAs, ExpectTypeName());
        }

        return node;
    }

    private FhirPathNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (Current.IsSymbol("."))
        {
            index++;
            var endsInResolve = node is FunctionNode { Name: "resolve" } or InvocationNode { Right: FunctionNode { Name: "resolve" } };
            if (endsInResolve && !IsTypeFunctionNext())
            {
                throw new FhirPathException(
                    $"Only a type test can follow resolve() (position {Current.Position} in '{expression}'): referenced resources are not loaded.");
            }

            node = new InvocationNode(node, ParseInvocation());
        }

        return node;
    }

    private bool IsTypeFunctionNext() =>
        Current.Kind == FhirPathTokenKind.Identifier && Current.Text is "is" or "as" or "ofType" or "exists";

    private FhirPathNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case FhirPathTokenKind.Symbol when token.Text == "(":
                index++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            case FhirPathTokenKind.String:
                index++;
                return new LiteralNode(new FhirValue(JsonSerializer.SerializeToElement(token.Text), "string"), FunctionNode.Quote(token.Text));
            case FhirPathTokenKind.Number:
                index++;
                return NumberLiteral(token);
            case FhirPathTokenKind.Identifier when token.Text is "true" or "false":
                index++;
                return new LiteralNode(FhirPathValues.Boolean(token.Text == "true"), token.Text);
            case FhirPathTokenKind.Identifier:
                return ParseInvocation();
            default:
                throw Unexpected();
        }
    }

    private FhirPathNode ParseInvocation()
    {
        var name = Current;
        if (name.Kind != FhirPathTokenKind.Identifier)
        {
            throw Unexpected();
        }

        index++;
        if (!Current.IsSymbol("("))
        {
            return new MemberNode(name.Text);
        }

        index++;
        if (!FunctionNode.Supported.Contains(name.Text))
        {
            throw new FhirPathException(
                $"Function '{name.Text}' at position {name.Position} is not supported in '{expression}'.");
        }

        FhirPathNode? criteria = null;
        string? typeArgument = null;
        string? urlArgument = null;
        switch (name.Text)
        {
            case "where":
                criteria = ParseOr();
                break;
            case "exists" when !Current.IsSymbol(")"):
                criteria = ParseOr();
                break;
            case "as" or "ofType" or "is":
                typeArgument = ExpectTypeName();
                break;
            case "extension":
                if (Current.Kind != FhirPathTokenKind.String)
                {
                    throw new FhirPathException(
                        $"extension() takes a string literal url (position {Current.Position} in '{expression}').");
                }

                urlArgument = Current.Text;
                index++;
                break;
        }

        Expect(")");
        return new FunctionNode(name.Text, criteria, typeArgument, urlArgument);
    }

    private LiteralNode NumberLiteral(FhirPathToken token)
    {
        if (!decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw new FhirPathException($"Invalid number '{token.Text}' at position {token.Position} in '{expression}'.");
        }

        return new LiteralNode(new FhirValue(JsonSerializer.SerializeToElement(number), "decimal"), token.Text);
    }

    private string ExpectTypeName()
    {
        var token = Current;
        if (token.Kind != FhirPathTokenKind.Identifier)
        {
            throw new FhirPathException($"Expected a type name at position {token.Position} in '{expression}'.");
        }

        index++;
        if (Current.IsSymbol("."))
        {
            throw new FhirPathException(
                $"Qualified type names ('{token.Text}.…') are not supported (position {token.Position} in '{expression}').");
        }

        return token.Text;
    }

    private void Expect(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            throw new FhirPathException($"Expected '{symbol}' at position {Current.Position} in '{expression}'.");
        }

        index++;
    }

    private FhirPathException Unexpected() => Current.Kind == FhirPathTokenKind.End
        ? new FhirPathException($"Unexpected end of FHIRPath expression '{expression}'.")
        : new FhirPathException(
            $"Unexpected '{Current.Text}' at position {Current.Position} in '{expression}' (not in the supported FHIRPath subset).");
}
