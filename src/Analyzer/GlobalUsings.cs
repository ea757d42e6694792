global using System.Collections.Immutable;
global using Microsoft.CodeAnalysis.Text;
