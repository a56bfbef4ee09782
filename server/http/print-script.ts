/**
 * The one line of script the printable pages need (posters, reports): their Print buttons. Served
 * as a file, not inline, so the content security policy can forbid inline scripts everywhere.
 */
export const PRINT_SCRIPT_PATH = '/print.js';
export const PRINT_SCRIPT =
  "document.querySelectorAll('[data-print]').forEach(function(b){b.addEventListener('click',function(){window.print()})});\n";
