using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Modelwatch.Web.Features.Access;

/// <summary>Identity's messages (shown on the account pages) in the reader's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<AccessText> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = text["The password needs at least {0} characters.", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = text["The password needs at least {0} different characters.", uniqueChars] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = text["The name '{0}' is already taken.", userName] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = text["The name '{0}' may contain only letters, digits and - . _ @ +.", userName ?? string.Empty] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = text["Something went wrong with the account."] };
}
