using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Regression;

public sealed class RunInputsTests
{
    [Fact]
    public void A_folder_of_run_folders_stands_for_every_run_below_it()
    {
        using var dir = new TempFolder();
        foreach (string run in new[] { "gpu/run", "cpu/run", "cpu/unfinished" })
        {
            Directory.CreateDirectory(dir.File(run));
        }

        File.WriteAllText(dir.File("gpu/run/" + ResultsStore.ResultsFileName), "{}");
        File.WriteAllText(dir.File("cpu/run/" + ResultsStore.ResultsFileName), "{}");

        Assert.Equal([dir.File("cpu/run"), dir.File("gpu/run")], RunInputs.Expand([dir.Path]));
    }

    [Fact]
    public void Run_folders_files_and_missing_paths_are_left_as_given()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File(ResultsStore.ResultsFileName), "{}");
        string missing = dir.File("missing");
        string empty = dir.File("empty");
        Directory.CreateDirectory(empty);

        Assert.Equal([dir.Path, missing, empty], RunInputs.Expand([dir.Path, missing, empty]));
    }
}
