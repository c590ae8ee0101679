using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Keys;

/// <summary>
/// The signing keys, cached from the database. The schedule: there is always an active key
/// and an already-published successor that activates when the active key retires, so a
/// verifier that fetched the JWKS at any time in the past period already knows the next key.
/// A retired key stays published until every token it signed has expired. Kids are derived
/// from the activation time, so two replicas racing to create the same key collide on the
/// primary key instead of both succeeding.
/// </summary>
internal sealed partial class SigningKeyRing(
    IDbContextFactory<AuthDbContext> contexts,
    PrivateKeyProtector protector,
    IOptions<SigningKeyOptions> options,
    IOptions<TokenOptions> tokens,
    TimeProvider time,
    ILogger<SigningKeyRing> logger) : IDisposable
{
    // After retirement a key must verify tokens for their whole life, plus clock skew between verifiers.
    private static readonly TimeSpan PublishMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);

    // A factory of its own: the process-wide default caches signers per key, and a disposed
    // ring (a test host, a restart in-process) must never leave a cached signer behind.
    private readonly CryptoProviderFactory _crypto = new();
    private volatile IReadOnlyList<SigningKey> _keys = [];
    private long _lastLoad;

    /// <summary>Every key currently in the JWKS, the not-yet-active successor included.</summary>
    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            return [.. _keys.Where(k => k.PublishedAt(now)).OrderBy(k => k.Record.ActivatesAt)];
        }
    }

    public async Task<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var key = _keys.Where(k => k.SignsAt(now)).MaxBy(k => k.Record.ActivatesAt);
        if (key is not null)
        {
            return key;
        }

        await EnsureAsync(cancellationToken);
        return _keys.Where(k => k.SignsAt(now)).MaxBy(k => k.Record.ActivatesAt)
            ?? throw new InvalidOperationException("no signing key is active after rotation");
    }

    /// <summary>A published key by kid; reloads once (at most every few seconds) for a kid made by another replica.</summary>
    public async Task<SigningKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var key = _keys.FirstOrDefault(k => k.Kid == kid && k.PublishedAt(now));
        if (key is null && now - Interlocked.Read(ref _lastLoad) >= 5)
        {
            await EnsureAsync(cancellationToken);
            key = _keys.FirstOrDefault(k => k.Kid == kid && k.PublishedAt(now));
        }

        return key;
    }

    /// <summary>Loads the keys; creates the active key and its successor when missing; drops keys no token can need.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await EnsureOnceAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another replica created the same key first; the next pass loads it.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.SigningKeys.ToListAsync(cancellationToken);
        var active = records.Where(r => r.ActivatesAt <= now && now < r.RetiresAt).MaxBy(r => r.ActivatesAt);
        if (active is null)
        {
            active = NewKey(now);
            db.SigningKeys.Add(active);
            records.Add(active);
        }

        if (!records.Any(r => r.ActivatesAt > now))
        {
            var next = NewKey(active.RetiresAt);
            db.SigningKeys.Add(next);
            records.Add(next);
        }

        foreach (var stale in records.Where(r => r.PublishedUntil <= now).ToList())
        {
            db.SigningKeys.Remove(stale);
            records.Remove(stale);
        }

        await db.SaveChangesAsync(cancellationToken);
        var known = _keys.ToDictionary(k => k.Kid, StringComparer.Ordinal);
        _keys = [.. records.Select(r => known.TryGetValue(r.Kid, out var loaded) ? loaded : Load(r))];
        Interlocked.Exchange(ref _lastLoad, now);
    }

    public void Dispose()
    {
        _gate.Dispose();
        foreach (var key in _keys)
        {
            key.SecurityKey.Rsa?.Dispose();
        }
    }

    private SigningKeyRecord NewKey(long activatesAt)
    {
        var retiresAt = activatesAt + (long)options.Value.RotationPeriod.TotalSeconds;
        var kid = "rs256-" + activatesAt.ToString(CultureInfo.InvariantCulture);
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        LogKeyCreated(logger, kid, activatesAt);
        return new SigningKeyRecord
        {
            Kid = kid,
            CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
            ActivatesAt = activatesAt,
            RetiresAt = retiresAt,
            PublishedUntil = retiresAt + (long)(tokens.Value.LongestSignedTokenLifetime + PublishMargin).TotalSeconds,
            Modulus = WebEncoders.Base64UrlEncode(parameters.Modulus!),
            Exponent = WebEncoders.Base64UrlEncode(parameters.Exponent!),
            ProtectedPrivateKey = protector.Protect(kid, rsa.ExportPkcs8PrivateKey()),
        };
    }

    private SigningKey Load(SigningKeyRecord record)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(protector.Unprotect(record.Kid, record.ProtectedPrivateKey), out _);
        return new SigningKey(record, new RsaSecurityKey(rsa) { KeyId = record.Kid, CryptoProviderFactory = _crypto }, _crypto);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {Kid} created; signs from Unix time {ActivatesAt}")]
    private static partial void LogKeyCreated(ILogger logger, string kid, long activatesAt);
}
