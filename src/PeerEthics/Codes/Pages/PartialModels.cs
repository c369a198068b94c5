namespace PeerEthics.Codes.Pages;

/// <summary>The model of <c>_CodeDocument</c>: the text of a code version, on screen or for paper.</summary>
public sealed record CodeDocumentPartial(CodeVersionView View, bool ForPrint);

/// <summary>The model of <c>_Principle</c>: one principle with its sub-items.</summary>
public sealed record PrinciplePartial(OutlineItem Item, bool ForPrint);

/// <summary>The model of <c>_Crosswalk</c>: two codes, the names to call them by, and how their principles pair.</summary>
public sealed record CrosswalkPartial(
    CodeVersionView Left, string LeftName, CodeVersionView Right, string RightName, Crosswalk.CodeCrosswalk Crosswalk, Func<string, string> ThemeName);

/// <summary>The model of <c>_OnlyIn</c>: the principles of one code that have no match in the other.</summary>
public sealed record OnlyInPartial(string Id, CodeVersionView Code, string Name, string OtherName, IReadOnlyList<Import.ParsedPrinciple> Principles);
