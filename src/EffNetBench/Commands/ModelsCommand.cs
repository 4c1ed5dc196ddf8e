using System.CommandLine;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Commands;

internal static class ModelsCommand
{
    public static Command Create(TextWriter output)
    {
        Option<string> format = CommonOptions.Format();
        var command = new Command("models", "List every zoo variant with its resolution, parameters, MACs, FLOPs and reference accuracy") { format };
        command.SetAction(parse =>
        {
            OutputFormat f = CommonOptions.ParseFormat(parse.GetValue(format)!);
            output.Write(ZooModelsReport.Render(ZooModelsReport.Rows(ZooCatalog.All), f));
            return ExitCodes.Success;
        });
        return command;
    }
}
