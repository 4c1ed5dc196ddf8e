namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>One point on a roofline: an operator kind, a stage or a whole case, against the machine's peaks.</summary>
/// <param name="Name">The kind ("conv-depthwise"), the stage ("stage3") or the case.</param>
/// <param name="Intensity">FLOPs per byte read and written.</param>
/// <param name="AchievedGflops">FLOPs over the measured time.</param>
/// <param name="AttainableGflops">min(compute peak, intensity x bandwidth) at <paramref name="Intensity"/>.</param>
public sealed record RooflinePoint(string Name, double Flops, double Bytes, double TimeMs, double Intensity, double AchievedGflops, double AttainableGflops)
{
    /// <summary>Achieved over attainable, 0 to (about) 1.</summary>
    public double ShareOfAttainable => AchievedGflops / AttainableGflops;

    /// <summary>Under the ridge the memory roof binds, above it the compute roof.</summary>
    public bool MemoryBound(double ridgeIntensity) => Intensity < ridgeIntensity;
}
