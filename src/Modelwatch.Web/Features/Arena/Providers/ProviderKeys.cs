using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Modelwatch.Web.Features.Arena.Providers;

/// <summary>
/// Encrypts provider keys entered in the app with ASP.NET Core Data Protection, so the database (and its backups and
/// exports) holds only ciphertext; the key ring lives in the data directory, apart from the database.
/// </summary>
public sealed class ProviderKeys(IDataProtectionProvider protection, ILogger<ProviderKeys> log)
{
    /// <summary>The Data Protection purpose; a different purpose cannot read these keys.</summary>
    public const string Purpose = "Modelwatch.Arena.ProviderKeys";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string Protect(string key) => _protector.Protect(key);

    /// <summary>The key, or null when it cannot be decrypted (the key ring was lost or replaced); the provider then has no key.</summary>
    public string? Unprotect(string? protectedKey, string provider)
    {
        if (string.IsNullOrEmpty(protectedKey))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedKey);
        }
        catch (CryptographicException)
        {
            log.LogWarning("The stored key of provider {Provider} cannot be decrypted (was the key ring replaced?); enter it again.", provider);
            return null;
        }
    }
}
