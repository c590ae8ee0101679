using System.Globalization;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Events;

/// <summary>
/// Reads the two shapes the audit stream carries (README, "The audit stream"): the gateway's
/// <c>id</c> + <c>event</c> (JSON) entries, and the authserver's flat fields with
/// <c>service=authserver</c>. Anything else, or a shape missing what the AuditEvent needs, is malformed.
/// </summary>
internal static class StreamEntryParser
{
    private const int MaxIdLength = 64;
    private const int MaxText = 2048;

    public static ParseResult Parse(StreamEntry entry)
    {
        try
        {
            return ParseEntry(entry);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // Whatever a producer wrote, the consumer must go on: unreadable is malformed.
            return ParseResult.Fail("unreadable entry: " + Short(ex.Message));
        }
    }

    private static ParseResult ParseEntry(StreamEntry entry)
    {
        if (entry.IsNull || entry.Values is null)
        {
            return ParseResult.Fail("the entry has no fields (deleted)");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in entry.Values)
        {
            fields[(string)value.Name!] = (string?)value.Value ?? string.Empty;
        }

        if (fields.TryGetValue("event", out var json))
        {
            return ParseGateway(fields, json);
        }

        return fields.TryGetValue("service", out var service) && service == SourceEvent.AuthServer
            ? ParseAuthServer(fields, entry.Id.ToString())
            : ParseResult.Fail("neither a gateway event (id, event) nor an authserver event (service=authserver)");
    }

    private static ParseResult ParseGateway(Dictionary<string, string> fields, string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return ParseResult.Fail("event is not JSON: " + Short(ex.Message));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Fail("event is not a JSON object");
        }

        var id = Text(root, "id");
        if (!IsId(id))
        {
            return ParseResult.Fail("event.id is missing or not a FHIR id ([A-Za-z0-9-.], at most 64)");
        }

        if (fields.TryGetValue("id", out var outer) && outer != id)
        {
            return ParseResult.Fail("the entry's id field and event.id differ");
        }

        if (!TryTime(root, "time", out var time))
        {
            return ParseResult.Fail("event.time is missing or not an ISO 8601 time");
        }

        if (Text(root, "method") is not { Length: > 0 and <= 32 } method)
        {
            return ParseResult.Fail("event.method is missing");
        }

        if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out var code) || code is < 100 or > 999)
        {
            return ParseResult.Fail("event.status is missing or not an HTTP status");
        }

        if (Text(root, "decision") is not ("allow" or "refuse") || Text(root, "decision") is not { } decision)
        {
            return ParseResult.Fail("event.decision must be allow or refuse");
        }

        return ParseResult.Ok(new SourceEvent
        {
            Id = id!,
            Producer = SourceEvent.Gateway,
            Time = time,
            Type = "request",
            ClientId = Text(root, "client_id"),
            Member = Text(root, "member"),
            Patient = Text(root, "patient"),
            TokenId = Text(root, "token_id"),
            RequestId = Text(root, "request_id"),
            Method = method,
            Route = Text(root, "route"),
            ResourceType = Text(root, "resource_type"),
            QueryShape = Text(root, "query_shape"),
            Status = code,
            Bytes = root.TryGetProperty("bytes", out var bytes) && bytes.TryGetInt64(out var b) ? b : null,
            DurationMilliseconds = root.TryGetProperty("duration_ms", out var ms) && ms.ValueKind == JsonValueKind.Number ? ms.GetDouble() : null,
            ClientAddress = Text(root, "client_address"),
            Country = Text(root, "country"),
            Decision = decision,
            Reason = Text(root, "reason"),
            Replica = Text(root, "replica"),
        });
    }

    private static ParseResult ParseAuthServer(Dictionary<string, string> fields, string entryId)
    {
        if (fields.GetValueOrDefault("type") is not { Length: > 0 and <= 64 } type)
        {
            return ParseResult.Fail("authserver event without type");
        }

        if (fields.GetValueOrDefault("client_id") is not { Length: > 0 } clientId)
        {
            return ParseResult.Fail("authserver event without client_id");
        }

        if (!DateTimeOffset.TryParse(fields.GetValueOrDefault("time"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return ParseResult.Fail("authserver event.time is missing or not an ISO 8601 time");
        }

        // The authserver's entries carry no id of their own: the stream entry id is unique in the
        // stream, and a replay of the same entry (a claim after a crash) has the same one.
        return ParseResult.Ok(new SourceEvent
        {
            Id = "authserver-" + entryId,
            Producer = SourceEvent.AuthServer,
            Time = time,
            Type = type,
            ClientId = Limit(clientId),
            Member = Limit(fields.GetValueOrDefault("member")),
            GrantId = Limit(fields.GetValueOrDefault("grant_id")),
            Reason = Limit(fields.GetValueOrDefault("detail")),
            Replica = SourceEvent.AuthServer,
        });
    }

    /// <summary>The id becomes the AuditEvent's id, so it must be a FHIR id: [A-Za-z0-9-.]{1,64}.</summary>
    private static bool IsId(string? id) => id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    private static bool TryTime(JsonElement root, string name, out DateTimeOffset time)
    {
        time = default;
        return root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out time);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Limit(value.GetString()) : null;

    /// <summary>
    /// Empty strings are absent, no field may bloat a stored row, and NUL becomes U+FFFD: PostgreSQL
    /// text cannot hold it, and an outsider can put one in a query parameter name (the gateway's
    /// query shape), which would otherwise fail every insert of its batch, again and again.
    /// </summary>
    private static string? Limit(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var text = value.Length > MaxText ? value[..MaxText] : value;
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            // A lone surrogate (from an escaped "\ud800") cannot be written as UTF-8 by the
            // database driver or the JSON writer: the round trip replaces it with U+FFFD.
            text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        }

        return text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
    }

    private static string Short(string message) => message.Length > 200 ? message[..200] : message;
}
