using CourseBuilder.Cli;

return Cli.Run(args);
