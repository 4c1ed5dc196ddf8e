using System.Collections.Immutable;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>A test image whose bytes (SHA-256) equal those of one or more training images.</summary>
public sealed record ExactDuplicate(LeakageImage Test, ImmutableArray<LeakageImage> Train)
{
    /// <summary>Both sides are labelled and a training copy carries another label than the test image.</summary>
    public bool LabelConflict => Train.Any(t => LeakageReport.Conflicts(Test, t));
}
