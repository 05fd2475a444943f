import { Form, Input } from "antd";
import type { ReactNode } from "react";

/**
 * The text a staff member answers with (a complaint, a question): required, up to 2,000 characters,
 * its error and the hint that says under whose name it goes out tied to it for screen readers.
 */
export function ReplyField(p: { id: string; label: ReactNode; hint: ReactNode; error: ReactNode; invalid: boolean; value: string; onChange: (text: string) => void }) {
  const described = p.invalid ? `${p.id}-error ${p.id}-hint` : `${p.id}-hint`;
  return (
    <Form.Item
      label={p.label}
      htmlFor={p.id}
      required
      validateStatus={p.invalid ? "error" : undefined}
      help={p.invalid ? <span id={`${p.id}-error`}>{p.error}</span> : undefined}
      extra={<span id={`${p.id}-hint`}>{p.hint}</span>}
    >
      <Input.TextArea
        id={p.id}
        rows={6}
        maxLength={2000}
        showCount
        value={p.value}
        aria-required="true"
        aria-invalid={p.invalid || undefined}
        aria-describedby={described}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </Form.Item>
  );
}
