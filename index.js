// Zapier's runtime loads index.js at the package root: hand it the compiled app.
module.exports = require('./dist/index.js');
