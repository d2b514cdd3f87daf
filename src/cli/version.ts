import packageJson from '../../package.json';

/** The version of this tool, from its package manifest. */
export const TOOL_VERSION: string = packageJson.version;
