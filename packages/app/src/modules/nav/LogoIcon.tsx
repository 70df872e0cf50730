import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  mark: { color: '#7df3e1', fontSize: 28, fontWeight: 700 },
});

export const LogoIcon = () => {
  const classes = useStyles();
  return <span className={classes.mark}>D</span>;
};
