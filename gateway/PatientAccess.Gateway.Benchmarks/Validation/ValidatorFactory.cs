using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Benchmarks.Validation;

/// <summary>Validators wired as the gateway wires them, and a check that a token really passes (timing a refusal would be worthless).</summary>
internal static class ValidatorFactory
{
    public static AccessTokenValidator Create(JwksCache keys) => new(keys, BenchmarkSigningKey.Options, TimeProvider.System);

    public static void MustAccept(AccessTokenValidator validator, string token)
    {
        var check = validator.ValidateAsync(token, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (check.Token is null)
        {
            throw new InvalidOperationException($"the benchmark token was refused: {check.Description}");
        }
    }
}
