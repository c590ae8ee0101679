using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Benchmarks.Validation;

/// <summary>
/// A token the validator has already accepted once: every later request of the same app session.
/// Target (issue 5): under 5 µs.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Maintainability", "CA1515", Justification = "BenchmarkDotNet subclasses benchmark types from a generated assembly.")]
public class RepeatedTokenBenchmarks : IDisposable
{
    private BenchmarkSigningKey? _key;
    private JwksCache? _keys;
    private AccessTokenValidator? _validator;
    private string _token = string.Empty;
    private string _header = string.Empty;

    [GlobalSetup]
    public void SetUp()
    {
        _key = new BenchmarkSigningKey();
        _keys = _key.LoadedJwksCache();
        _validator = ValidatorFactory.Create(_keys);
        _token = _key.CreateToken();
        _header = "Bearer " + _token;
        ValidatorFactory.MustAccept(_validator, _token);
    }

    [Benchmark(Description = "repeated token (cache hit)")]
    public ValueTask<TokenCheck> RepeatedToken() => _validator!.ValidateAsync(_token, CancellationToken.None);

    /// <summary>What the token step does per request: the header parsed and the cache read by its characters, no string made.</summary>
    [Benchmark(Description = "repeated token from the Authorization header (the middleware's path)")]
    public TokenCheck? RepeatedTokenFromHeader() => _validator!.TryGetKnown(TokenMiddleware.BearerToken(_header)!.Value.Span);

    [GlobalCleanup]
    public void Dispose()
    {
        _keys?.Dispose();
        _key?.Dispose();
        GC.SuppressFinalize(this);
    }
}
