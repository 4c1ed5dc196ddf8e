namespace EffNetBench.Commands;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>`ab`: something inconclusive and nothing slower (0 with --allow-inconclusive).</summary>
    public const int Inconclusive = 3;
}
