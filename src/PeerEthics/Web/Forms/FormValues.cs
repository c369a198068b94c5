using System.Globalization;
using PeerEthics.Web;

// Still PeerEthics.People.Forms (see FieldErrors): rename to PeerEthics.Web.Forms once the other branches are merged.
namespace PeerEthics.People.Forms;

/// <summary>
/// Reads what people type into form fields. Pages bind text so a mistyped value is shown back as typed; these
/// turn it into a value or add a message that names the field and says what is expected.
/// </summary>
public static class FormValues
{
    /// <summary>Trimmed text, or null when blank: an empty optional field stores nothing.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static int? WholeNumber(string? text, string field, string label, string example, FieldErrors errors)
    {
        if (Clean(text) is not { } value)
        {
            errors.Add(field, $"Enter the {label}, a whole number such as {example}.");
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(field, $"The {label} must be a whole number, such as {example}.");
        return null;
    }

    public static decimal? Hours(string? text, string field, string label, FieldErrors errors)
    {
        if (Clean(text) is not { } value)
        {
            errors.Add(field, $"Enter the {label}, a number of hours such as 20 or 1.5.");
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var hours))
        {
            return hours;
        }

        errors.Add(field, $"The {label} must be a number of hours, such as 20 or 1.5.");
        return null;
    }

    /// <summary>A calendar date as <c>&lt;input type="date"&gt;</c> sends it (yyyy-mm-dd).</summary>
    public static DateOnly? Date(string? text, string field, string label, FieldErrors errors, bool required = true)
    {
        if (Clean(text) is not { } value)
        {
            if (required)
            {
                errors.Add(field, $"Enter the {label}.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"The {label} must be a real date, written as year-month-day, such as 2027-03-01.");
        return null;
    }

    /// <summary>
    /// The id of a record chosen from a list (a select's value): null when none was chosen, and when the value is
    /// not an id (which only a changed page sends), null with <paramref name="message"/> for the field.
    /// </summary>
    public static int? ChosenId(string? text, string field, string message, FieldErrors errors)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        errors.Add(field, message);
        return null;
    }

    /// <summary>A date for a form field's value (empty when none): <see cref="Display.Iso(DateOnly)"/>.</summary>
    public static string Iso(DateOnly? date) => date is { } day ? Display.Iso(day) : "";

    /// <summary>Hours without trailing zeros: 20, 1.5.</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
