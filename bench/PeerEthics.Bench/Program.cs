using System.Reflection;
using BenchmarkDotNet.Running;

// Micro benchmarks: `scripts/bench` runs them; results are written down in bench/README.md.
// The app's own Program class is visible here too, so the assembly is named without `typeof(Program)`.
BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
