using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

    /// <summary>Every error, in the order the fields were checked, with the field it belongs to.</summary>
    public IReadOnlyList<(string Field, string Message)> AllErrors =>
        [.. ModelState.SelectMany(entry => entry.Value!.Errors.Select(e => (entry.Key, e.ErrorMessage)))];

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

    /// <summary>A form field for <c>_Field</c>, with its errors and the value typed (never for passwords).</summary>
    public FormField Field(string name, string label, string type = "text", string? value = null, string? hint = null, string? autocomplete = null, bool required = true, int? maxLength = null) =>
        new(name, label, type, type == "password" ? null : value, hint, autocomplete, required, maxLength, ErrorsFor(name));
}

/// <summary>The model of <c>_Field</c>: one labelled input, its hint and its errors, tied together for screen readers.</summary>
public sealed record FormField(string Name, string Label, string Type, string? Value, string? Hint, string? Autocomplete, bool Required, int? MaxLength, IReadOnlyList<string> Errors)
{
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Hint is not null)
            {
                ids.Add($"{Name}-hint");
            }

            if (Errors.Count > 0)
            {
                ids.Add($"{Name}-error");
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }
}
