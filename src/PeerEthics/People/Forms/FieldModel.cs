namespace PeerEthics.People.Forms;

/// <summary>
/// One form field as <c>_Field.cshtml</c> draws it: label, hint, the error that names the rule, and the value as
/// the person typed it (so nothing they submitted is lost when a form comes back with an error).
/// </summary>
public sealed record FieldModel(string Name, string Label, string? Value, FieldErrors Errors)
{
    public string? Hint { get; init; }

    public string Type { get; init; } = "text";

    public string? InputMode { get; init; }

    public string? Autocomplete { get; init; }

    public bool Required { get; init; }

    /// <summary>A multi-line text area instead of an input.</summary>
    public bool Multiline { get; init; }

    public string? Error => Errors.For(Name);

    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : $"{Name}-hint", Error is null ? null : $"{Name}-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
