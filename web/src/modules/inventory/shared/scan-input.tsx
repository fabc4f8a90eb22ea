import { BarcodeOutlined, LoadingOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';

/**
 * The box a barcode scanner types into: scanners are keyboards that send the code and Enter.
 * It takes focus when the screen opens, empties itself after each code and keeps the focus, so
 * the next scan needs no click. Codes that arrive while one is still being handled wait in a queue
 * and are handled in order: a fast scanner loses none.
 */
export function ScanInput({
  onScan,
  placeholder,
  autoFocus = true,
  testId = 'scan-input',
}: {
  onScan: (code: string) => void | Promise<void>;
  placeholder: string;
  autoFocus?: boolean;
  testId?: string;
}) {
  const ref = useRef<InputRef>(null);
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const [value, setValue] = useState('');
  const [working, setWorking] = useState(false);
  // The newest handler: a queued code must be handled with the screen's state after the codes before it.
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const drain = async () => {
    if (running.current) return;
    running.current = true;
    setWorking(true);
    try {
      for (let code = queue.current.shift(); code !== undefined; code = queue.current.shift())
        await handler.current(code);
    } finally {
      running.current = false;
      setWorking(false);
    }
  };

  return (
    <Input
      ref={ref}
      size="large"
      allowClear
      value={value}
      prefix={working ? <LoadingOutlined /> : <BarcodeOutlined />}
      placeholder={placeholder}
      autoComplete="off"
      enterKeyHint="done"
      onChange={(event) => setValue(event.target.value)}
      onPressEnter={() => {
        const code = value.trim();
        setValue('');
        if (code) {
          queue.current.push(code);
          void drain();
        }
        ref.current?.focus();
      }}
      data-testid={testId}
    />
  );
}
