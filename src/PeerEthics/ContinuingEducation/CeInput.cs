using PeerEthics.People.Forms;

namespace PeerEthics.ContinuingEducation;

/// <summary>An activity as a specialist records it (the evidence file comes separately, from the form).</summary>
public sealed record CeInput(int? CredentialId, string? Title, string? Provider, DateOnly? CompletedOn, decimal? Hours, decimal? EthicsHours)
{
    public const int MaxTextLength = 300;

    public void Validate(DateOnly today, FieldErrors errors)
    {
        if (!errors.Has("credentialId") && CredentialId is null)
        {
            errors.Add("credentialId", "Choose the credential these hours count toward.");
        }

        Text("title", Title, "the activity's title, such as Boundaries in peer work");
        Text("provider", Provider, "who provided it, such as the training centre or conference");
        if (!errors.Has("completedOn"))
        {
            if (CompletedOn is not { } day)
            {
                errors.Add("completedOn", "Enter the date you completed the activity.");
            }
            else if (day > today)
            {
                errors.Add("completedOn", "The date you completed the activity cannot be in the future.");
            }
        }

        if (!errors.Has("hours"))
        {
            if (Hours is not { } hours)
            {
                errors.Add("hours", "Enter the hours, such as 3 or 1.5.");
            }
            else if (hours is <= 0 or > 100)
            {
                errors.Add("hours", "The hours must be more than 0 and at most 100.");
            }
            else if (decimal.Round(hours, 2) != hours)
            {
                errors.Add("hours", "The hours can have at most two decimal places, such as 1.25.");
            }
        }

        if (!errors.Has("ethicsHours"))
        {
            var ethics = EthicsHours ?? 0;
            if (ethics < 0)
            {
                errors.Add("ethicsHours", "The ethics hours cannot be less than 0.");
            }
            else if (decimal.Round(ethics, 2) != ethics)
            {
                errors.Add("ethicsHours", "The ethics hours can have at most two decimal places, such as 1.25.");
            }
            else if (Hours is { } total && ethics > total)
            {
                errors.Add("ethicsHours", $"The ethics hours are part of the activity's hours, so they cannot be more than {FormValues.Hours(total)}.");
            }
        }

        void Text(string field, string? value, string what)
        {
            if (FormValues.Clean(value) is not { } clean)
            {
                errors.Add(field, $"Enter {what}.");
            }
            else if (clean.Length > MaxTextLength)
            {
                errors.Add(field, $"This can be at most {MaxTextLength} characters long.");
            }
        }
    }
}

/// <summary>A staff decision on an activity, or on a renewal application.</summary>
public sealed record DecisionInput(string? Decision, string? Reason);
