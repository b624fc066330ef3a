/** SCORM error codes the course meets, with what they mean (SCORM 1.2 and 2004 run-time). */
export const SCORM_ERRORS: Readonly<Record<number, string>> = {
  0: 'No error',
  101: 'General exception',
  102: 'General initialization failure',
  103: 'Already initialized',
  104: 'Content instance terminated',
  111: 'General termination failure',
  112: 'Termination before initialization',
  113: 'Termination after termination',
  122: 'Retrieve data before initialization',
  123: 'Retrieve data after termination',
  132: 'Store data before initialization',
  133: 'Store data after termination',
  142: 'Commit before initialization',
  143: 'Commit after termination',
  201: 'General argument error (1.2: invalid argument)',
  202: 'Element cannot have children (1.2)',
  203: 'Element not an array (1.2)',
  301: 'Not initialized (1.2) / general get failure (2004)',
  351: 'General set failure',
  391: 'General commit failure',
  401: 'Not implemented / undefined data model element',
  402: 'Invalid set value, element is a keyword (1.2) / unimplemented element (2004)',
  403: 'Element is read only (1.2) / data model element value not initialized (2004)',
  404: 'Element is write only (1.2) / element is read only (2004)',
  405: 'Incorrect data type (1.2) / element is write only (2004)',
  406: 'Data model element type mismatch',
  407: 'Data model element value out of range',
  408: 'Data model dependency not established',
};

export function describeError(code: number): string {
  return SCORM_ERRORS[code] ?? `Unknown error ${code}`;
}
