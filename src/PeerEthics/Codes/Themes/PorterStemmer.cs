using System.Collections.Frozen;

namespace PeerEthics.Codes.Themes;

/// <summary>
/// The Porter (1980) stemming algorithm, so that "gifts", "gift" and "gifting", or "confidential" and
/// "confidentiality", count as the same word. Written out here rather than taken from a package because it
/// is small, has no options, and its output must never change under us: theme phrase rules and crosswalk
/// scores depend on it. Follows Martin Porter's reference implementation step by step.
/// </summary>
internal static class PorterStemmer
{
    /// <summary>The stem of one lower-case word. Words of one or two letters are their own stems.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        var stemmer = new Buffer(word);
        stemmer.Step1ab();
        if (stemmer.End > 0)
        {
            stemmer.Step1c();
            stemmer.Step2();
            stemmer.Step3();
            stemmer.Step4();
            stemmer.Step5();
        }

        return stemmer.ToString();
    }

    // The suffix rules of steps 2 to 4, by the letter the reference implementation switches on.
    private static readonly FrozenDictionary<char, (string Suffix, string Replacement)[]> Step2Rules = new Dictionary<char, (string, string)[]>
    {
        ['a'] = [("ational", "ate"), ("tional", "tion")],
        ['c'] = [("enci", "ence"), ("anci", "ance")],
        ['e'] = [("izer", "ize")],
        ['l'] = [("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")],
        ['o'] = [("ization", "ize"), ("ation", "ate"), ("ator", "ate")],
        ['s'] = [("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")],
        ['t'] = [("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")],
        ['g'] = [("logi", "log")],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, (string Suffix, string Replacement)[]> Step3Rules = new Dictionary<char, (string, string)[]>
    {
        ['e'] = [("icate", "ic"), ("ative", ""), ("alize", "al")],
        ['i'] = [("iciti", "ic")],
        ['l'] = [("ical", "ic"), ("ful", "")],
        ['s'] = [("ness", "")],
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<char, string[]> Step4Suffixes = new Dictionary<char, string[]>
    {
        ['a'] = ["al"],
        ['c'] = ["ance", "ence"],
        ['e'] = ["er"],
        ['i'] = ["ic"],
        ['l'] = ["able", "ible"],
        ['n'] = ["ant", "ement", "ment", "ent"],
        ['o'] = ["ion", "ou"],
        ['s'] = ["ism"],
        ['t'] = ["ate", "iti"],
        ['u'] = ["ous"],
        ['v'] = ["ive"],
        ['z'] = ["ize"],
    }.ToFrozenDictionary();

    /// <summary>
    /// The word being stemmed: <c>_b[0..End]</c> is the current stem; <c>_j</c> marks where a candidate
    /// suffix starts, as in the reference implementation (k and j there).
    /// </summary>
    private sealed class Buffer(string word)
    {
        private readonly char[] _b = word.ToCharArray();
        private int _j;

        public int End { get; private set; } = word.Length - 1;

        public override string ToString() => new(_b, 0, End + 1);

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m: the number of vowel-consonant sequences in <c>_b[0.._j]</c>.</summary>
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > _j)
                {
                    return n;
                }

                if (!IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > _j)
                    {
                        return n;
                    }

                    if (!IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int i) => i >= 1 && _b[i] == _b[i - 1] && IsConsonant(i);

        /// <summary>*o: consonant-vowel-consonant ending at i, the last not w, x or y ("hop", not "snow").</summary>
        private bool Cvc(int i)
        {
            if (i < 2 || !IsConsonant(i) || IsConsonant(i - 1) || !IsConsonant(i - 2))
            {
                return false;
            }

            return _b[i] is not ('w' or 'x' or 'y');
        }

        private bool EndsWith(string suffix)
        {
            var length = suffix.Length;
            if (length > End + 1 || _b[End] != suffix[^1])
            {
                return false;
            }

            if (!_b.AsSpan(End - length + 1, length).SequenceEqual(suffix))
            {
                return false;
            }

            _j = End - length;
            return true;
        }

        private void SetTo(string replacement)
        {
            replacement.AsSpan().CopyTo(_b.AsSpan(_j + 1));
            End = _j + replacement.Length;
        }

        private void ReplaceIfMeasured(string replacement)
        {
            if (Measure() > 0)
            {
                SetTo(replacement);
            }
        }

        /// <summary>Plurals and -ed or -ing: caresses → caress, ponies → poni, meetings → meet.</summary>
        public void Step1ab()
        {
            if (_b[End] == 's')
            {
                if (EndsWith("sses"))
                {
                    End -= 2;
                }
                else if (EndsWith("ies"))
                {
                    SetTo("i");
                }
                else if (End >= 1 && _b[End - 1] != 's')
                {
                    End--;
                }
            }

            if (EndsWith("eed"))
            {
                if (Measure() > 0)
                {
                    End--;
                }
            }
            else if ((EndsWith("ed") || EndsWith("ing")) && VowelInStem())
            {
                End = _j;
                if (EndsWith("at"))
                {
                    SetTo("ate");
                }
                else if (EndsWith("bl"))
                {
                    SetTo("ble");
                }
                else if (EndsWith("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(End))
                {
                    End--;
                    if (_b[End] is 'l' or 's' or 'z')
                    {
                        End++;
                    }
                }
                else
                {
                    _j = End;
                    if (Measure() == 1 && Cvc(End))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        /// <summary>Terminal y to i when there is another vowel in the stem.</summary>
        public void Step1c()
        {
            if (EndsWith("y") && VowelInStem())
            {
                _b[End] = 'i';
            }
        }

        /// <summary>Double suffixes to single ones: -ization → -ize, -ational → -ate.</summary>
        public void Step2()
        {
            if (End < 1)
            {
                return;
            }

            if (Step2Rules.TryGetValue(_b[End - 1], out var rules))
            {
                ApplyFirst(rules);
            }
        }

        /// <summary>-ic-, -full, -ness and the like: hopeful → hope, electrical → electric.</summary>
        public void Step3()
        {
            if (Step3Rules.TryGetValue(_b[End], out var rules))
            {
                ApplyFirst(rules);
            }
        }

        private void ApplyFirst((string Suffix, string Replacement)[] rules)
        {
            foreach (var (suffix, replacement) in rules)
            {
                if (EndsWith(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        /// <summary>Removes -ant, -ence and the like where the stem is long enough (m &gt; 1).</summary>
        public void Step4()
        {
            if (End < 1)
            {
                return;
            }

            if (!Step4Suffixes.TryGetValue(_b[End - 1], out var suffixes))
            {
                return;
            }

            foreach (var suffix in suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                // -ion goes only after s or t ("adoption" → "adopt", but not "onion").
                if (suffix == "ion" && (_j < 0 || _b[_j] is not ('s' or 't')))
                {
                    return;
                }

                if (Measure() > 1)
                {
                    End = _j;
                }

                return;
            }
        }

        /// <summary>A final -e where the stem is long enough, and -ll to -l: probate → probat, controll → control.</summary>
        public void Step5()
        {
            _j = End;
            if (_b[End] == 'e')
            {
                var m = Measure();
                if (m > 1 || (m == 1 && !Cvc(End - 1)))
                {
                    End--;
                }
            }

            if (_b[End] == 'l' && DoubleConsonant(End) && Measure() > 1)
            {
                End--;
            }
        }
    }
}
