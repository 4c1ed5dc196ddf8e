namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>Which side of the check an image belongs to.</summary>
public enum LeakageSet
{
    Train,
    Test,
}
