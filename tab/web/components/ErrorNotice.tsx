import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ApiError, describeFailure } from '../services/api-client.js';

/**
 * A refused action with its localised message and per-field messages. A string is the page's own
 * (already translated) sentence; anything else goes through the services' description, so raw
 * browser or server text never reaches the page.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : describeFailure(error).message;
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
