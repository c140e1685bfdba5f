using McpVanguard.Inspection.Tables;

// Usage: McpVanguard.TableCompiler OUTPUT. Writes the table image of the built-in rules, lexicon and analysers (built by
// running start-up's own code), and leaves OUTPUT untouched when it already holds that image, so that an unchanged
// engine does not make the executable rebuild.
if (args is not [var output])
{
    Console.Error.WriteLine("usage: McpVanguard.TableCompiler OUTPUT");
    return 2;
}

var image = TableImageBuilder.BuildFromStartUp();
if (!File.Exists(output) || !File.ReadAllBytes(output).AsSpan().SequenceEqual(image))
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    File.WriteAllBytes(output, image);
}

var read = TableImage.Read(image).Sizes;
Console.WriteLine($"table image: {image.Length:N0} bytes ({read.LiteralSets} literal sets, {read.PhrasePrograms} phrase programs, {read.Automata} automata, {read.RuleFiles} rules files, the lexicon) -> {output}");
return 0;
