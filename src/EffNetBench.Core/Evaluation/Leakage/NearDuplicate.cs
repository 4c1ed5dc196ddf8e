namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>A test image and a training image with different bytes whose perceptual hashes are within the threshold.</summary>
/// <param name="Distance">Hamming distance of the perceptual hashes (0 for the same pixels in another encoding).</param>
public sealed record NearDuplicate(LeakageImage Test, LeakageImage Train, int Distance)
{
    /// <summary>Both sides are labelled, with different labels.</summary>
    public bool LabelConflict => LeakageReport.Conflicts(Test, Train);
}
