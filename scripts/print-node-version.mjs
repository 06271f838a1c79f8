// The e2e suite runs a second time on the LTS binary from the pinned `node` dev dependency.
process.stdout.write(`e2e suite on Node ${process.version} (${process.execPath})\n`);
