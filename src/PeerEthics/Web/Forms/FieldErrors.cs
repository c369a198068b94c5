using PeerEthics.Web;

// The namespace is still PeerEthics.People.Forms though the folder is Web/Forms: files other branches are editing
// import it. Rename it to PeerEthics.Web.Forms once those branches are merged.
namespace PeerEthics.People.Forms;

/// <summary>
/// Why a change was refused, field by field. Field names are the form fields' names and ids and the API's JSON
/// property names (camelCase), so one list serves the error summary, the field messages and ProblemDetails.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public int Count => _errors.Count;

    public static FieldErrors One(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>The first message for a field.</summary>
    public string? For(string field) => _errors.TryGetValue(field, out var messages) ? messages[0] : null;

    /// <summary>Every message for a field, shown beside it.</summary>
    public IReadOnlyList<string> AllFor(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Every message in the order the fields were checked, for the error summary.</summary>
    public IEnumerable<(string Field, string Message)> All => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    /// <summary>Every message as the shared error summary lists it, each linking to the field of the same id.</summary>
    public IReadOnlyList<FormError> ToFormErrors() => [.. All.Select(e => new FormError(e.Field, e.Message))];

    /// <summary>The error summary of a form that saves: it says first that nothing was saved.</summary>
    public ErrorSummary ToSummary() => new(ToFormErrors(), $"Nothing was saved. Please fix {(Count == 1 ? "this" : "these")}:");

    /// <summary>
    /// The same errors with the fields in the order a form shows them (any others after), so the error summary reads
    /// down the form even when some were found by the page and others by the service.
    /// </summary>
    public FieldErrors InFormOrder(params IReadOnlyList<string> fields)
    {
        var ordered = new FieldErrors();
        foreach (var (field, messages) in _errors.OrderBy(e => fields.Contains(e.Key) ? fields.TakeWhile(f => f != e.Key).Count() : int.MaxValue))
        {
            ordered._errors[field] = [.. messages];
        }

        return ordered;
    }

    /// <summary>The shape <c>TypedResults.ValidationProblem</c> takes.</summary>
    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
