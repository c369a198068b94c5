namespace PeerEthics.Disclosures;

/// <summary>How statuses and decisions are stored and sent (kebab-case), and how they read to a person.</summary>
public static class DisclosureNames
{
    public static readonly IReadOnlyList<(DisclosureDecisionKind Kind, string Name)> Decisions =
    [
        (DisclosureDecisionKind.Acknowledged, "acknowledged"),
        (DisclosureDecisionKind.GuidanceGiven, "guidance-given"),
        (DisclosureDecisionKind.CorrectivePlan, "corrective-plan"),
        (DisclosureDecisionKind.ReferredToEthicsStaff, "referred"),
    ];

    public static readonly IReadOnlyList<(DisclosureStatus Status, string Name)> Statuses =
    [
        (DisclosureStatus.AwaitingSupervisor, "awaiting-supervisor"),
        (DisclosureStatus.WithEthicsStaff, "with-ethics-staff"),
        (DisclosureStatus.Decided, "decided"),
    ];

    public static string Of(DisclosureDecisionKind kind) => Decisions.First(d => d.Kind == kind).Name;

    public static string Of(DisclosureStatus status) => Statuses.First(s => s.Status == status).Name;

    public static DisclosureDecisionKind? Decision(string? name) =>
        Decisions.FirstOrDefault(d => d.Name == name?.Trim().ToLowerInvariant()) is { Name: not null } found ? found.Kind : null;

    public static DisclosureStatus Status(string name) => Statuses.First(s => s.Name == name).Status;

    /// <summary>How a decision reads to the specialist and to staff.</summary>
    public static string Describe(DisclosureDecisionKind kind) => kind switch
    {
        DisclosureDecisionKind.Acknowledged => "Acknowledged",
        DisclosureDecisionKind.GuidanceGiven => "Guidance given",
        DisclosureDecisionKind.CorrectivePlan => "A corrective plan agreed",
        _ => "Referred to the program's ethics staff",
    };

    public static string Describe(DisclosureStatus status) => status switch
    {
        DisclosureStatus.AwaitingSupervisor => "With your supervisor",
        DisclosureStatus.WithEthicsStaff => "With the program's ethics staff",
        _ => "Decided",
    };

    /// <summary>The same, for a supervisor or staff reading about someone else's disclosure.</summary>
    public static string DescribeForStaff(DisclosureStatus status) => status switch
    {
        DisclosureStatus.AwaitingSupervisor => "Waiting for the supervisor",
        DisclosureStatus.WithEthicsStaff => "Waiting for ethics staff",
        _ => "Decided",
    };
}
