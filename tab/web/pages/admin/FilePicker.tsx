import { Label } from '@fluentui/react-components';
import { useId } from 'react';

/** A labelled native file input that hands the chosen file's text (UTF-8) to `onText`. */
export function FilePicker({ label, accept, onText }: { label: string; accept: string; onText: (text: string, name: string) => void }) {
  const id = useId();
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void file.text().then((text) => onText(text, file.name));
        }}
      />
    </div>
  );
}
