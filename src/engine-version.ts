/** The engine's name and version, stamped on every result. A test keeps it equal to package.json's. */
export const ENGINE_VERSION = '0.1.0';
export const ENGINE = `criteria ${ENGINE_VERSION}`;
