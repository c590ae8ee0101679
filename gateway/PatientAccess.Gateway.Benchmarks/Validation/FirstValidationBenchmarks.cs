using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Benchmarks.Validation;

/// <summary>
/// A token the validator has not seen: parse, RS256 signature check, claims, into the cache. Each
/// invocation takes the next of <see cref="Tokens"/> distinct tokens, and every iteration starts
/// with a new validator, so no invocation can hit the cache. The signing key is already in the
/// JWKS cache, as it is in a running gateway (a key is fetched once per rotation, not per token).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Tokens)]
[SuppressMessage("Maintainability", "CA1515", Justification = "BenchmarkDotNet subclasses benchmark types from a generated assembly.")]
public class FirstValidationBenchmarks : IDisposable
{
    /// <summary>Enough for an iteration of ~100 ms or more at tens of µs each; signing them takes a few seconds at setup.</summary>
    public const int Tokens = 4096;

    private BenchmarkSigningKey? _key;
    private JwksCache? _keys;
    private AccessTokenValidator? _validator;
    private string[] _tokens = [];
    private int _next;

    [GlobalSetup]
    public void SetUp()
    {
        _key = new BenchmarkSigningKey();
        _keys = _key.LoadedJwksCache();
        _tokens = [.. Enumerable.Range(0, Tokens).Select(_ => _key.CreateToken())];
        ValidatorFactory.MustAccept(ValidatorFactory.Create(_keys), _tokens[0]);
    }

    [IterationSetup]
    public void NewValidator()
    {
        _validator = ValidatorFactory.Create(_keys!);
        _next = 0;
    }

    [Benchmark(Description = "first validation (signature check)")]
    public ValueTask<TokenCheck> FirstValidation() => _validator!.ValidateAsync(_tokens[_next++], CancellationToken.None);

    [GlobalCleanup]
    public void Dispose()
    {
        _keys?.Dispose();
        _key?.Dispose();
        GC.SuppressFinalize(this);
    }
}
