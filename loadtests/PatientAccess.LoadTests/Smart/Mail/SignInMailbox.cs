using System.Text.RegularExpressions;

namespace PatientAccess.LoadTests.Smart.Mail;

/// <summary>
/// The authserver's outbox folder (<c>DATA/outbox</c>), where the embedded stack writes each
/// e-mail as an .eml file. A sign-in notes which files exist before it asks for a code, then
/// waits for the newest new message to its address and reads the 6-digit code from it.
/// </summary>
internal sealed partial class SignInMailbox : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly TimeSpan _wait;

    public SignInMailbox(string folder, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = folder;
        _wait = wait;
    }

    public string Folder { get; }

    /// <summary>
    /// Held for a whole sign-in: codes go to one address, so two sign-ins at once could read
    /// each other's code.
    /// </summary>
    public SemaphoreSlim SignInGate { get; } = new(1, 1);

    public void Dispose() => SignInGate.Dispose();

    /// <summary>The messages already in the outbox, which a new sign-in must not take its code from.</summary>
    public IReadOnlySet<string> Snapshot() =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.eml").Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    public async Task<string> WaitForCodeAsync(string address, IReadOnlySet<string> before, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _wait;
        while (true)
        {
            var found = FindNewest(Folder, address, before);
            if (found is { Code: { } code })
            {
                return code;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new SmartLaunchException(found is { } message
                    ? $"the newest e-mail to {address} ({message.Path}) holds no 6-digit code"
                    : $"no sign-in code e-mailed to {address} arrived in {Folder} within {_wait.TotalSeconds:0.#} s: either the demo member's " +
                      "account uses another address (give it with --email) or --data is not the authserver's data folder");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// The newest message to <paramref name="address"/> that is not in <paramref name="ignore"/>, and the
    /// code in its body (null if it holds none). Newest by write time, then by name: the
    /// authserver names its files by the time they were sent.
    /// </summary>
    public static (string Path, string? Code)? FindNewest(string folder, string address, IReadOnlySet<string>? ignore = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(address);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var candidates = new DirectoryInfo(folder).GetFiles("*.eml")
            .Where(f => ignore is null || !ignore.Contains(f.Name))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ThenByDescending(f => f.Name, StringComparer.Ordinal);
        foreach (var file in candidates)
        {
            string text;
            try
            {
                text = File.ReadAllText(file.FullName);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SmartLaunchException($"cannot read {file.FullName}: {ex.Message} (run the tool as the user the authserver runs as)", ex);
            }

            var message = EmlMessage.Parse(text);
            if (message.IsAddressedTo(address))
            {
                var match = SixDigits().Match(message.Body);
                return (file.FullName, match.Success ? match.Value : null);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
