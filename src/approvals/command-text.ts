/** The command as shown on the card and in the audit log. */
export function commandText(command: readonly (readonly string[])[]): string {
  return command.map((argv) => `sudo -n ${argv.join(' ')}`).join(' && ');
}
