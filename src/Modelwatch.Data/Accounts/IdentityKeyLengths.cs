using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Modelwatch.Data.Accounts;

/// <summary>
/// Bounds Identity's key columns, which it leaves as unbounded text: every indexed text column in Modelwatch has a
/// length (PostgreSQL and SQLite then index the same values; see ModelConventionTests). Ids are GUID strings; login
/// providers, provider keys and token names are short names. Set here rather than through Identity's
/// <c>MaxLengthForKeys</c> option, which the design-time context (migrations) would not see.
/// </summary>
internal static class IdentityKeyLengths
{
    /// <summary>Room for any id Identity makes (36-character GUIDs) and any provider or token name.</summary>
    public const int Key = 128;

    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModelwatchUser>(b => b.Property(u => u.Id).HasMaxLength(Key));
        modelBuilder.Entity<IdentityRole>(b => b.Property(r => r.Id).HasMaxLength(Key));
        modelBuilder.Entity<IdentityRoleClaim<string>>(b => b.Property(c => c.RoleId).HasMaxLength(Key));
        modelBuilder.Entity<IdentityUserClaim<string>>(b => b.Property(c => c.UserId).HasMaxLength(Key));
        modelBuilder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.Property(l => l.UserId).HasMaxLength(Key);
            b.Property(l => l.LoginProvider).HasMaxLength(Key);
            b.Property(l => l.ProviderKey).HasMaxLength(Key);
        });
        modelBuilder.Entity<IdentityUserRole<string>>(b =>
        {
            b.Property(r => r.UserId).HasMaxLength(Key);
            b.Property(r => r.RoleId).HasMaxLength(Key);
        });
        modelBuilder.Entity<IdentityUserToken<string>>(b =>
        {
            b.Property(t => t.UserId).HasMaxLength(Key);
            b.Property(t => t.LoginProvider).HasMaxLength(Key);
            b.Property(t => t.Name).HasMaxLength(Key);
        });
    }
}
