namespace PeerEthics.Codes.Import;

/// <summary>
/// A line start accepted as a label. <see cref="Depth"/> is the nesting level (0 for the main list),
/// <see cref="ParentLine"/> the line index of the item one level up (or -1), <see cref="Label"/> the label
/// as printed, or synthesized for a bullet.
/// </summary>
internal sealed record AcceptedLabel(LabelCandidate Candidate, int Depth, int ParentLine, string Label, bool Synthesized);

/// <summary>
/// Decides which line-start labels are real, by following the numbering the way a reader does. A label is
/// accepted only when it is plausible in sequence: the next number of a list in progress, the first of a new
/// sub-list, a restart, a repeat. How much else is tolerated depends on where the line sits: after a blank
/// line or a heading anything a list could do is accepted (with a warning when odd); after a finished
/// sentence a small jump forward is; in the middle of a wrapped sentence only the expected next label is, so
/// "(4-100) and" or "5 days" at the start of a wrapped line stay text.
/// </summary>
internal sealed class LabelSequence
{
    private enum Context
    {
        MidSentence,
        SentenceEnd,
        Lenient,
    }

    private enum Move
    {
        Continue,
        Push,
        Repeat,
        Restart,
        Skip,
        NewList,
    }

    private sealed class Level(LabelCandidate candidate, int indent, int line, string label)
    {
        public LabelCandidate Last { get; set; } = candidate;
        public int Indent { get; set; } = indent;
        public int Line { get; set; } = line;
        public string Label { get; set; } = label;
        public int Count { get; set; } = 1;
    }

    private readonly List<Level> _stack = [];

    // Where each list stood when it was closed, so "4." after a new section heading can carry on from "3.".
    private readonly Dictionary<string, LabelCandidate> _closed = new(StringComparer.Ordinal);
    private readonly List<ImportWarning> _warnings;

    private LabelSequence(List<ImportWarning> warnings) => _warnings = warnings;

    public static AcceptedLabel?[] Read(IReadOnlyList<SourceLine> lines, List<ImportWarning> warnings)
    {
        var sequence = new LabelSequence(warnings);
        var accepted = new AcceptedLabel?[lines.Count];
        var candidates = new LabelCandidate[2];
        var previous = -1;
        var blankBefore = true;
        var previousInItem = false;
        var footnoteMarked = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                blankBefore = true;
                continue;
            }

            var count = LabelRecognizer.Recognize(line.Text, candidates);
            var inItem = false;
            if (count > 0 && IsFootnote(candidates[0], footnoteMarked) && !sequence.HasList(candidates[0].Key))
            {
                count = 0;
            }

            footnoteMarked |= HasFootnoteMarker(line.Text);
            if (count > 0)
            {
                var previousLine = previous >= 0 ? lines[previous] : default;
                var boundary = previous < 0 || (!previousInItem && (TextShape.IsHeadingLike(previousLine.Text) || previousLine.Text.EndsWith(':')));
                var context = blankBefore || boundary ? Context.Lenient
                    : TextShape.EndsSentence(previousLine.Text) ? Context.SentenceEnd
                    : Context.MidSentence;
                var afterLabelLine = previous >= 0 && !blankBefore && accepted[previous] is not null;
                accepted[i] = sequence.Accept(candidates.AsSpan(0, count), line, i, context, boundary, afterLabelLine);
                inItem = accepted[i] is not null;
            }

            previousInItem = inItem || (previousInItem && !blankBefore);
            previous = i;
            blankBefore = false;
        }

        return accepted;
    }

    // "… gifts of nominal value.*" then "* Nominal value means …": an asterisk line after a word marked with an
    // asterisk is the footnote, not a bullet (unless the document already has a list of asterisk bullets).
    private static bool IsFootnote(LabelCandidate label, bool footnoteMarked) =>
        footnoteMarked && label.Style == LabelStyle.Bullet && label.Printed is "*";

    private static bool HasFootnoteMarker(string text)
    {
        for (var i = text.IndexOf('*', 1); i > 0; i = i + 1 < text.Length ? text.IndexOf('*', i + 1) : -1)
        {
            if (text[i - 1] != ' ' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasList(string key) => _stack.Exists(level => string.Equals(level.Last.Key, key, StringComparison.Ordinal));

    private AcceptedLabel? Accept(ReadOnlySpan<LabelCandidate> candidates, SourceLine line, int index, Context context, bool boundary, bool afterLabelLine)
    {
        (LabelCandidate Candidate, Move Move, int Level)? best = null;
        foreach (var candidate in candidates)
        {
            if (Plan(candidate, line.Indent, context, boundary, afterLabelLine) is { } plan && (best is null || plan.Move < best.Value.Move))
            {
                best = (candidate, plan.Move, plan.Level);
            }
        }

        if (best is not { } chosen)
        {
            return null;
        }

        var label = chosen.Candidate;
        var depth = Apply(chosen.Move, chosen.Level, label, line.Indent, index);
        var level = _stack[depth];
        var synthesized = label.Style == LabelStyle.Bullet;
        level.Label = synthesized ? $"•{level.Count}" : label.Printed;
        Warn(chosen.Move, label, line, boundary);
        return new AcceptedLabel(label, depth, depth > 0 ? _stack[depth - 1].Line : -1, level.Label, synthesized);
    }

    private (Move Move, int Level)? Plan(LabelCandidate label, int indent, Context context, bool boundary, bool afterLabelLine)
    {
        var strict = context == Context.MidSentence;
        for (var j = _stack.Count - 1; j >= 0; j--)
        {
            var level = _stack[j];
            if (!string.Equals(level.Last.Key, label.Key, StringComparison.Ordinal))
            {
                continue;
            }

            if (label.Style == LabelStyle.Bullet)
            {
                // Same bullet, same indent: the next item. Deeper: a sub-list (handled below as a push).
                if (indent > level.Indent + 1)
                {
                    break;
                }

                if (indent < level.Indent - 1)
                {
                    continue;
                }

                return (Move.Continue, j);
            }

            if (IsNext(level.Last, label))
            {
                return (Move.Continue, j);
            }

            if (label.Value == 1 && indent > level.Indent + 1)
            {
                break; // "1." indented under "1.": a nested list, not a restart
            }

            if (strict)
            {
                return null;
            }

            if (label.Value == level.Last.Value && label.Major == level.Last.Major)
            {
                return (Move.Repeat, j);
            }

            if (label.Value == 1)
            {
                return (Move.Restart, j);
            }

            return context == Context.Lenient || (label.Value > level.Last.Value && label.Value - level.Last.Value <= 10)
                ? (Move.Skip, j)
                : null;
        }

        var first = label.Value == 1 || label.Style == LabelStyle.Bullet;
        var resumes = _closed.TryGetValue(label.Key, out var closed) && IsNext(closed, label);
        var pushes = _stack.Count > 0 && !boundary;
        if (strict && !(afterLabelLine && first && pushes))
        {
            return null;
        }

        if (first || resumes)
        {
            return (pushes || resumes ? Move.Push : Move.NewList, -1);
        }

        // A list that starts part-way ("5." after a blank line) is odd but happens in excerpts; only numbers do it.
        return context == Context.Lenient && label.Style is LabelStyle.Arabic or LabelStyle.Prefixed && label.Value <= 50
            ? (Move.NewList, -1)
            : null;
    }

    private static bool IsNext(LabelCandidate last, LabelCandidate label) => label.Style == LabelStyle.Compound
        ? (label.Major == last.Major && label.Value == last.Value + 1) || (label.Major != last.Major && label.Value == 1)
        : label.Value == last.Value + 1;

    private int Apply(Move move, int levelIndex, LabelCandidate label, int indent, int line)
    {
        if (move == Move.NewList)
        {
            Close(0);
        }

        if (move is Move.Push or Move.NewList)
        {
            _stack.Add(new Level(label, indent, line, label.Printed));
            return _stack.Count - 1;
        }

        Close(levelIndex + 1);
        var level = _stack[levelIndex];
        level.Count = move == Move.Restart ? 1 : level.Count + 1;
        level.Last = label;
        level.Line = line;
        level.Indent = indent;
        return levelIndex;
    }

    private void Close(int from)
    {
        for (var j = _stack.Count - 1; j >= from; j--)
        {
            _closed[_stack[j].Last.Key] = _stack[j].Last;
            _stack.RemoveAt(j);
        }
    }

    private void Warn(Move move, LabelCandidate label, SourceLine line, bool boundary)
    {
        switch (move)
        {
            case Move.Repeat:
                _warnings.Add(new ImportWarning(line.Number, $"The label \"{label.Printed}\" is repeated; both items are kept."));
                break;
            case Move.Restart when !boundary:
                _warnings.Add(new ImportWarning(line.Number, $"Numbering restarts at \"{label.Printed}\" without a new heading."));
                break;
            case Move.Skip:
                _warnings.Add(new ImportWarning(line.Number, $"The label \"{label.Printed}\" is out of sequence."));
                break;
            case Move.NewList when label.Value != 1 && label.Style != LabelStyle.Bullet:
                _warnings.Add(new ImportWarning(line.Number, $"Numbering starts at \"{label.Printed}\", not at the first number."));
                break;
        }
    }
}
