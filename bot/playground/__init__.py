"""The playground: Mend on this machine, against an embedded Bot API server, in a browser."""
