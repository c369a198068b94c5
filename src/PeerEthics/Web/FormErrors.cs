using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PeerEthics.Web;

/// <summary>One error as a form's error summary lists it: the message, and the id of the field it links to.</summary>
public sealed record FormError(string FieldId, string Message);

/// <summary>
/// Errors for the pattern every form here follows: a summary at the top linking to each field, and the
/// message again beside the field. Model-state keys are the fields' ids.
/// </summary>
public static class FormErrors
{
    /// <summary>
    /// Every error in model state, fields in the order the form shows them (then any others). Each links to the
    /// element whose id is its key, unless <paramref name="anchorOf"/> names another (a date's first wrong box).
    /// </summary>
    public static IReadOnlyList<FormError> InOrder(this ModelStateDictionary modelState, IReadOnlyList<string> fieldOrder, Func<string, string>? anchorOf = null) =>
        [.. modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => fieldOrder.Contains(entry.Key) ? fieldOrder.TakeWhile(f => f != entry.Key).Count() : int.MaxValue)
            .SelectMany(entry => entry.Value!.Errors.Select(e => new FormError(anchorOf?.Invoke(entry.Key) ?? entry.Key, e.ErrorMessage)))];

    /// <summary>The first error of one field, or null.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The error beside its field (nothing when it has none); the field's <c>aria-describedby</c> names its id.</summary>
    public static IHtmlContent ErrorMessage(this ModelStateDictionary modelState, string field) =>
        modelState.ErrorFor(field) is { } message
            ? new HtmlContentBuilder()
                .AppendHtml($"<p class=\"error-message\" id=\"{field}-error\"><span class=\"visually-hidden\">Error: </span>")
                .Append(message)
                .AppendHtml("</p>")
            : HtmlString.Empty;

    /// <summary>The ids a field's <c>aria-describedby</c> names: its hint, and its error when it has one (null: neither).</summary>
    public static string? DescribedBy(this ModelStateDictionary modelState, string field, bool hasHint = true) =>
        DescribedBy(field, hasHint, modelState.ErrorFor(field) is not null);

    /// <summary>
    /// The one rule for <c>aria-describedby</c>: <c>{field}-hint</c> when there is a hint, <c>{field}-error</c> when there is
    /// an error, both in that order, null when neither (so the attribute is left out).
    /// </summary>
    public static string? DescribedBy(string field, bool hasHint, bool hasError) =>
        (hasHint, hasError) switch
        {
            (true, true) => $"{field}-hint {field}-error",
            (true, false) => $"{field}-hint",
            (false, true) => $"{field}-error",
            _ => null,
        };

    /// <summary>A page title that says first that something needs fixing, so screen-reader users hear it at once.</summary>
    public static string Title(this ModelStateDictionary modelState, string title) => Title(title, !modelState.IsValid);

    /// <summary>The same, for forms that keep their errors elsewhere than in model state.</summary>
    public static string Title(string title, bool hasErrors) => hasErrors ? $"Error: {title}" : title;
}
