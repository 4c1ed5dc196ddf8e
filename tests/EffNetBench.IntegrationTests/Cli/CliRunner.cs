using EffNetBench.Commands;

namespace EffNetBench.IntegrationTests.Cli;

internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EffNetBench.Commands.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
