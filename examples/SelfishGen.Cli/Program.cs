using SelfishGen.Cli;

return SelfishApp.Run(args);
