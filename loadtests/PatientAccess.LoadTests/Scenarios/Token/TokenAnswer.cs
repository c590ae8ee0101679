using System.Text.Json;
using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>Reads token and introspection answers: a 200 counts only when its JSON says what the app needs.</summary>
internal static class TokenAnswer
{
    /// <summary>
    /// Ok when the status is 200 and the body is a JSON object with a string access_token (and,
    /// when <paramref name="wantRefreshToken"/>, a string refresh_token, handed back in <paramref name="refreshToken"/>).
    /// </summary>
    public static StepResult JudgeTokens(int status, byte[] body, bool wantRefreshToken, out string? refreshToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        refreshToken = null;
        if (status != 200)
        {
            return StepResult.Fail(status, body.Length);
        }

        using var document = TryParse(body);
        if (document is null)
        {
            return StepResult.Error(TokenErrorKinds.NotJson, body.Length);
        }

        if (StringProperty(document, "access_token") is null)
        {
            return StepResult.Error(TokenErrorKinds.NoAccessToken, body.Length);
        }

        if (wantRefreshToken && (refreshToken = StringProperty(document, "refresh_token")) is null)
        {
            return StepResult.Error(TokenErrorKinds.NoRefreshToken, body.Length);
        }

        return StepResult.Ok(status, body.Length);
    }

    /// <summary>Ok only for 200 with <c>"active": true</c> (RFC 7662 §2.2).</summary>
    public static StepResult JudgeIntrospection(int status, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (status != 200)
        {
            return StepResult.Fail(status, body.Length);
        }

        using var document = TryParse(body);
        if (document is null)
        {
            return StepResult.Error(TokenErrorKinds.NotJson, body.Length);
        }

        var active = document.RootElement.TryGetProperty("active", out var value) && value.ValueKind == JsonValueKind.True;
        return active ? StepResult.Ok(status, body.Length) : StepResult.Error(TokenErrorKinds.Inactive, body.Length);
    }

    private static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringProperty(JsonDocument document, string name) =>
        document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
