using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.AuthServer.Keys;

/// <summary>
/// Seals private signing keys with AES-256-GCM before they reach the database, the key id as
/// associated data so a sealed key cannot be moved to another row. Chosen over ASP.NET Core
/// Data Protection because replicas sharing one database must share the wrapping key, and one
/// explicit 32-byte secret (a file in the embedded mode, a secret-store value in production)
/// is simpler to distribute and to reason about than a self-rotating key ring that itself
/// needs shared, protected storage.
/// </summary>
internal sealed class PrivateKeyProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public PrivateKeyProtector(IOptions<SigningKeyOptions> options, IOptions<ServiceOptions> service)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(service);
        var settings = options.Value;
        _key = settings.EncryptionKey.Length > 0
            ? Convert.FromBase64String(settings.EncryptionKey)
            : LoadOrCreateKeyFile(Path.Combine(Path.GetFullPath(service.Value.DataDirectory), settings.EncryptionKeyFile));
    }

    public string Protect(string kid, byte[] privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var sealedKey = new byte[NonceSize + TagSize + privateKey.Length];
        var nonce = sealedKey.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, privateKey, sealedKey.AsSpan(NonceSize + TagSize), sealedKey.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(kid));
        return Convert.ToBase64String(sealedKey);
    }

    /// <exception cref="CryptographicException">The wrapping key is not the one the key was sealed with, or the row was altered.</exception>
    public byte[] Unprotect(string kid, string protectedKey)
    {
        var sealedKey = Convert.FromBase64String(protectedKey);
        var plain = new byte[sealedKey.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedKey.AsSpan(0, NonceSize), sealedKey.AsSpan(NonceSize + TagSize), sealedKey.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(kid));
        return plain;
    }

    private static byte[] LoadOrCreateKeyFile(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two processes starting together on one data folder: the first file wins for both.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
