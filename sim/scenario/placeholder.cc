namespace chaintrace {}
