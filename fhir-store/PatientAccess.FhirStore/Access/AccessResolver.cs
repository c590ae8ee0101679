using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PatientAccess.FhirStore.Storage;
using PatientAccess.MemberContext;

namespace PatientAccess.FhirStore.Access;

/// <summary>
/// Decides what a request may see: an operator key reads everything; otherwise a member
/// context signed by the gateway for exactly this request; otherwise nothing.
/// </summary>
public sealed class AccessResolver
{
    private readonly MemberContextCodec _codec;
    private readonly byte[][] _operatorHashes;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<string> _restrictedUnlockedBy;

    public AccessResolver(IOptions<AccessOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _codec = new MemberContextCodec(options.Value.MemberContextKeys
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => AccessOptions.TryKey(k, out var key) ? key : []));
        _operatorHashes = [.. options.Value.OperatorKeyHashes.Where(h => !string.IsNullOrWhiteSpace(h)).Select(Convert.FromHexString)];
        _clock = clock;
        _restrictedUnlockedBy = options.Value.RestrictedUnlockedBy;
    }

    public AccessDecision Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            return authorization.Count == 1 && IsOperatorKey(authorization[0])
                ? AccessDecision.Operator
                : AccessDecision.Refused("the operator key is not valid");
        }

        var header = context.Request.Headers[MemberContextCodec.HeaderName];
        if (header.Count != 1)
        {
            return AccessDecision.Refused(header.Count == 0 ? "no member context: the store answers only through the gateway" : "more than one member context");
        }

        // The target exactly as sent: what the gateway signed, before any decoding.
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = string.IsNullOrEmpty(raw) ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : raw;
        var result = _codec.Verify(header[0], context.Request.Method, target, _clock.GetUtcNow());
        return result.Context is { } member
            ? AccessDecision.Member(AccessScope.ForMember(member.PatientIds, member.SensitiveCategories, member.ReadTypes, member.SearchTypes, _restrictedUnlockedBy))
            : AccessDecision.Refused(result.Error!);
    }

    private bool IsOperatorKey(string? value)
    {
        const string prefix = "Bearer ";
        if (value is null || !value.StartsWith(prefix, StringComparison.Ordinal) || _operatorHashes.Length == 0)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value[prefix.Length..].Trim()));
        return _operatorHashes.Any(h => CryptographicOperations.FixedTimeEquals(h, hash));
    }
}
