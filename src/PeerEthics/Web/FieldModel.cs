using PeerEthics.People.Forms;

namespace PeerEthics.Web;

/// <summary>
/// One form field as <c>/Web/_Field.cshtml</c> draws it: label, hint, every error that names a rule, and the value as
/// the person typed it (so nothing they submitted is lost when a form comes back with an error). The input's id and
/// name are <see cref="Name"/>; the hint is <c>{Name}-hint</c> and the errors <c>{Name}-error</c>.
/// </summary>
public sealed record FieldModel(string Name, string Label, string? Value, IReadOnlyList<string> Errors)
{
    /// <summary>A field of a form whose errors are kept in <see cref="FieldErrors"/>.</summary>
    public FieldModel(string name, string label, string? value, FieldErrors errors)
        : this(name, label, value, errors.AllFor(name))
    {
    }

    public string? Hint { get; init; }

    public string Type { get; init; } = "text";

    public string? InputMode { get; init; }

    public string? Autocomplete { get; init; }

    /// <summary>Required fields carry the <c>required</c> attribute; the others say "(optional)" after their label.</summary>
    public bool Required { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>A multi-line text area instead of an input.</summary>
    public bool Multiline { get; init; }

    public bool HasErrors => Errors.Count > 0;

    public string? DescribedBy => FormErrors.DescribedBy(Name, Hint is not null, HasErrors);

    /// <summary>Email addresses and passwords are not words: no spelling marks, no capital first letter.</summary>
    public bool IsVerbatim => Type is "email" or "password";
}
