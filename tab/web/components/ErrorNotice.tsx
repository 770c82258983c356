import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ApiError } from '../services/api-client.js';

/** A refused action with the server's localised message and per-field messages. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  const fields = error instanceof ApiError ? error.fields.filter((field) => field.message !== message) : [];
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {message}
        {fields.length > 0 && (
          <ul>
            {fields.map((field, index) => (
              <li key={index}>{field.message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
