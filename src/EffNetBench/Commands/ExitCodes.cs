using EffNetBench.Core.Regression;

namespace EffNetBench.Commands;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>`compare`, `history` and `ab`: some verdict is inconclusive and none is slower.</summary>
    public const int Inconclusive = 3;

    /// <summary>The exit code of a set of verdicts (`compare`, `ab`): 1 when any is slower, else 3 when any is
    /// inconclusive (0 with <paramref name="allowInconclusive"/>), else 0.</summary>
    public static int ForVerdicts(IEnumerable<Verdict> verdicts, bool allowInconclusive)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        Verdict[] all = [.. verdicts];
        if (all.Contains(Verdict.Slower))
        {
            return Failed;
        }

        return all.Contains(Verdict.Inconclusive) && !allowInconclusive ? Inconclusive : Success;
    }
}
