using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerEthics.Web;

namespace PeerEthics.Accounts.Pages;

/// <summary>
/// What every accounts page shares: errors kept in <see cref="PageModel.ModelState"/> under the form's field
/// names (the inputs' ids), shown in a summary at the top and beside each field, and a safe place to return to.
/// </summary>
public abstract class AccountPageModel : PageModel
{
    public void AddErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }
    }

    public IReadOnlyList<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>
    /// The form's fields in the order the page shows them, so the error summary lists errors in that order (model
    /// state itself enumerates its keys sorted). Errors about the whole form (key "") come first.
    /// </summary>
    protected virtual IReadOnlyList<string> FieldOrder => [];

    /// <summary>Every error for the summary at the top: form-wide ones unlinked, then each field's, linked to it.</summary>
    public ErrorSummary ErrorSummary => new(ModelState.InOrder(["", .. FieldOrder]), "Please check what you typed");

    /// <summary>Where to go after signing in: a path on this site only, so a link cannot send a person elsewhere.</summary>
    public string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/account/sign-", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/account";

    /// <summary>The account signed in now; null when the sign-in names no account (it was deleted meanwhile).</summary>
    public Task<User?> CurrentUserAsync(UserManager<User> users) => users.GetUserAsync(User);

    /// <summary>A path with <c>?returnUrl=</c> when there is one to keep.</summary>
    public static string WithReturnUrl(string path, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? path : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, "returnUrl", returnUrl);

    /// <summary>A form field for <c>/Web/_Field.cshtml</c>, with its errors and the value typed (never for passwords).</summary>
    public FieldModel Field(string name, string label, string type = "text", string? value = null, string? hint = null, string? autocomplete = null, bool required = true, int? maxLength = null) =>
        new(name, label, type == "password" ? null : value, ErrorsFor(name))
        {
            Type = type,
            Hint = hint,
            Autocomplete = autocomplete,
            Required = required,
            MaxLength = maxLength,
        };
}
